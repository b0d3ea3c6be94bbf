import type { Money } from "./money";
import { findMember, type SimState } from "./state";

/**
 * The credit a context spends: the organization member credit inside an
 * organization, the user's own credit otherwise. Refunds go back to the same
 * account that paid, which is why a sending remembers its context.
 */
export type CreditAccount = { balance(): Money; add(amount: Money): void };

export function creditAccount(state: SimState, userId: string, organizationId: string | null): CreditAccount {
  if (organizationId) {
    const member = findMember(state.organizations.get(organizationId)!, userId)!;
    return {
      balance: () => member.memberCredit,
      add: (amount) => void (member.memberCredit = member.memberCredit.plus(amount)),
    };
  }
  const user = state.users.get(userId)!;
  return {
    balance: () => user.credit,
    add: (amount) => void (user.credit = user.credit.plus(amount)),
  };
}
