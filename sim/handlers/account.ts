import { authenticate, authenticateInContext } from "../auth";
import { ok, type Handler } from "../runtime";
import { findMember } from "../state";
import { organizationView, serviceView, userView } from "../views";

export const getCurrentUser: Handler = ({ runtime, headers }) => ok(userView(authenticate(runtime.state, headers)));

export const listOrganizations: Handler = ({ runtime, headers }) => {
  const user = authenticate(runtime.state, headers);
  const mine = [...runtime.state.organizations.values()].filter((organization) => findMember(organization, user.id));
  return ok(mine.map((organization) => organizationView(organization, user.id)));
};

/** The one bare-array response of the API (no envelope). */
export const listServices: Handler = ({ runtime, headers }) => {
  const caller = authenticateInContext(runtime.state, headers);
  const active = [...runtime.state.services.values()].filter((service) => service.active);
  return { status: 200, body: active.map((service) => serviceView(service, caller.organization?.id ?? null)) };
};
