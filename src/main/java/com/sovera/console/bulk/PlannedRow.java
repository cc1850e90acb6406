package com.sovera.console.bulk;

import com.sovera.console.api.model.NewUser;
import java.util.List;

/**
 * A valid row as a run sends it: the user to create (or the existing user's id to reuse) and its wallets.
 * Journaled as it is, so a resumed run needs neither the file nor the preview.
 */
public record PlannedRow(int row, NewUser user, String existingUserId, List<WalletRequest> wallets) {

    public PlannedRow {
        wallets = List.copyOf(wallets);
    }
}
