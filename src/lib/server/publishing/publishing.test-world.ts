import { expect } from 'vitest';
import type { TestApp } from '../testing/test-app.ts';
import { createPerson, seedWard } from '../testing/fixtures.ts';
import { listDistricts } from '../municipalities/index.ts';
import { findActiveRoleAssignments } from '../auth/auth.queries.ts';
import { today } from '../platform/clock.ts';
import { acceptMemberInvitation, approveOrganization, inviteMember, registerOrganization, type OrgActor, type StaffActor } from '../organizations/index.ts';

/** For the publishing tests: a ward, its staff, and verified organizations with members of each role. */
export type Member = OrgActor & { email: string };

export interface World {
  municipalityId: string;
  staff: StaffActor;
  person(label?: string): Promise<Member>;
  /** A verified organization (official when asked) with an owner, an editor and a viewer. */
  organization(options?: { verified?: boolean }): Promise<{ id: string; owner: Member; editor: Member; viewer: Member }>;
}

export const linkFor = (path: string) => `http://sakura.test${path}`;

export async function openWorld(app: TestApp): Promise<World> {
  const ward = await seedWard(app);
  const municipalityId = ward.municipalityId;
  const districtId = (await listDistricts(app.database.db, municipalityId))[0].id;
  const staffId = ward.userIds.staff;
  const staff: StaffActor = { userId: staffId, municipalityId, roles: await findActiveRoleAssignments(app.database.db, staffId, municipalityId, today()) };
  let counter = 0;
  const person = async (label = 'person') => {
    counter += 1;
    const email = `${label}${counter}@example.jp`;
    const userId = await createPerson(app, municipalityId, email, `${label} ${counter}`);
    return { userId, municipalityId, email };
  };
  async function join(owner: OrgActor, organizationId: string, role: string): Promise<Member> {
    const member = await person(role);
    const invited = await inviteMember(app, owner, organizationId, { email: member.email, orgRole: role }, linkFor);
    expect(invited.ok).toBe(true);
    const token = /token=([A-Za-z0-9_-]+)/.exec(app.sentMail.at(-1)?.text ?? '')?.[1] ?? '';
    const accepted = await acceptMemberInvitation(app, member, decodeURIComponent(token));
    expect(accepted.ok).toBe(true);
    return member;
  }
  return {
    municipalityId,
    staff,
    person,
    async organization(options = {}) {
      const owner = await person('owner');
      counter += 1;
      const registered = await registerOrganization(
        app,
        owner,
        { type: 'voluntary', name: `サークル ${counter}`, nameKana: 'さーくる', purpose: '親子で遊びます。', districtIds: [districtId], contactEmail: 'circle@example.jp' },
        linkFor
      );
      if (!registered.ok) throw new Error(JSON.stringify(registered.error));
      const id = registered.value.id;
      if (options.verified !== false) expect((await approveOrganization(app, staff, id, linkFor)).ok).toBe(true);
      return { id, owner, editor: await join(owner, id, 'editor'), viewer: await join(owner, id, 'viewer') };
    }
  };
}

export const NEWS = { kind: 'news', titleJa: '夏祭りのお知らせ', bodyJa: '7月に夏祭りを開きます。' };
