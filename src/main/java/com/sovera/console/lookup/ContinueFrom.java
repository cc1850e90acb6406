package com.sovera.console.lookup;

import com.sovera.console.api.model.User;
import com.sovera.console.api.model.Wallet;

/**
 * A support action on what the lookups show: continue the onboarding tree of the customer in context from this
 * user (add a wallet) or this wallet (a new deposit address). The shell hands it to the wizard, whose service,
 * journal, confirmation and recovery every write goes through.
 */
public record ContinueFrom(User user, Wallet wallet) {
}
