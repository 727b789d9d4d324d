// Whether the signed-in officer is a province administrator (the API decides; this only hides what would be refused).
import { useSession } from '../account/useSession.ts';

export function useIsProvinceAdmin(): boolean {
  const session = useSession();
  return session.data?.roles.some((grant) => grant.role === 'province_admin') ?? false;
}
