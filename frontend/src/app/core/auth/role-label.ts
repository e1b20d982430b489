import type { Role } from '@switchyard/contracts';

/** `master_admin` reads "Master admin". */
export function roleLabel(role: Role): string {
  const words = role.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** "Master admin, Executive", or "none". */
export function roleList(roles: readonly Role[] | undefined): string {
  return roles?.length ? roles.map(roleLabel).join(', ') : 'none';
}
