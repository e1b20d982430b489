import { type Rng } from '../random';

const FIRST_NAMES = [
  'Ava',
  'Ben',
  'Chloe',
  'Diego',
  'Elena',
  'Farah',
  'Gabriel',
  'Hana',
  'Isaac',
  'Jasmine',
  'Kofi',
  'Lena',
  'Marco',
  'Nadia',
  'Omar',
  'Priya',
  'Quinn',
  'Rosa',
  'Samuel',
  'Tara',
  'Umar',
  'Vera',
  'Wei',
  'Ximena',
  'Yusuf',
  'Zoe',
  'Liam',
  'Maya',
  'Noah',
  'Olivia',
] as const;

const LAST_NAMES = [
  'Anderson',
  'Brooks',
  'Chen',
  'Dubois',
  'Evans',
  'Fischer',
  'Garcia',
  'Haddad',
  'Ito',
  'Jensen',
  'Kowalski',
  'Lopez',
  'Miller',
  'Nakamura',
  'Okafor',
  'Patel',
  'Quintero',
  'Rossi',
  'Schmidt',
  'Torres',
  'Umeh',
  'Varga',
  'Williams',
  'Xu',
  'Yamamoto',
  'Zimmerman',
] as const;

export interface Person {
  name: string;
  email: string;
}

export function person(rng: Rng, domain = 'switchyard.example'): Person {
  const first = rng.pick(FIRST_NAMES);
  const last = rng.pick(LAST_NAMES);
  return { name: `${first} ${last}`, email: `${first}.${last}@${domain}`.toLowerCase() };
}

export function firstLast(rng: Rng): { first: string; last: string } {
  return { first: rng.pick(FIRST_NAMES), last: rng.pick(LAST_NAMES) };
}

export const DEPARTMENTS = [
  { id: 'ops', name: 'Operations', teams: ['facilities', 'logistics', 'procurement'] },
  { id: 'eng', name: 'Engineering', teams: ['platform', 'product', 'data'] },
  { id: 'sales', name: 'Sales', teams: ['enterprise', 'smb', 'partners'] },
  { id: 'finance', name: 'Finance', teams: ['accounting', 'fpa', 'treasury'] },
  { id: 'people', name: 'People', teams: ['recruiting', 'hrops', 'learning'] },
] as const;

export type DepartmentId = (typeof DEPARTMENTS)[number]['id'];

export const TEAM_IDS: readonly string[] = DEPARTMENTS.flatMap((d) => d.teams.map((team) => `${d.id}-${team}`));

export const LOCATIONS = ['HQ', 'Plant North', 'Remote', 'Warehouse'] as const;
