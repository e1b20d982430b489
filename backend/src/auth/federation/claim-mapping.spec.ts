import type { ClaimMapping } from '../../config';
import { claimValues, mapClaims } from './claim-mapping';

const mapping = (over: Partial<ClaimMapping> = {}): ClaimMapping => ({
  claims: ['groups'],
  grants: {
    'facilities-managers': { roles: ['team_manager'], scopes: [], teams: ['Facilities'], departments: ['Operations'] },
    executives: { roles: ['executive'], scopes: [], teams: '*', departments: '*', tenants: '*', portfolios: '*' },
    'api.read': { roles: [], scopes: ['read:dashboard'], departments: ['Operations'] },
  },
  dataScopeClaims: {},
  ...over,
});

describe('claim mapping', () => {
  it('grants only what listed claim values map to', () => {
    const access = mapClaims({ groups: ['facilities-managers', 'Everyone', 'admins'] }, mapping());
    expect(access).toEqual({
      roles: ['team_manager'],
      scopes: [],
      dataScopes: { tenants: [], departments: ['Operations'], teams: ['Facilities'], portfolios: [] },
      matched: ['facilities-managers'],
    });
  });

  it('unions several groups, where `*` wins', () => {
    const access = mapClaims({ groups: ['facilities-managers', 'executives'] }, mapping());
    expect(access.roles).toEqual(['executive', 'team_manager']);
    expect(access.dataScopes).toEqual({ tenants: '*', departments: '*', teams: '*', portfolios: '*' });
  });

  it('reads a space-separated scope claim and nested or namespaced claims', () => {
    expect(mapClaims({ scope: 'openid api.read' }, mapping({ claims: ['scope'] })).scopes).toEqual(['read:dashboard']);
    expect(claimValues({ realm_access: { roles: ['a', 'b'] } }, 'realm_access.roles')).toEqual(['a', 'b']);
    expect(claimValues({ 'https://switchyard.example/roles': ['x'] }, 'https://switchyard.example/roles')).toEqual([
      'x',
    ]);
    expect(claimValues({ groups: [1, '', 'ok', null] }, 'groups')).toEqual(['ok']);
    expect(claimValues({}, 'missing.path')).toEqual([]);
  });

  it('takes data scopes straight from a claim when configured', () => {
    const access = mapClaims(
      { groups: ['facilities-managers'], brands: ['acme-fitness'] },
      mapping({ dataScopeClaims: { tenants: 'brands' } }),
    );
    expect(access.dataScopes.tenants).toEqual(['acme-fitness']);
  });
});
