package com.sovera.console.bulk;

import com.sovera.console.api.ApiException;
import com.sovera.console.api.Filter;
import com.sovera.console.api.SovxApi;
import com.sovera.console.api.model.Page;
import com.sovera.console.api.model.User;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Finds which of a file's e-mails the customer already has, with as few requests as the customer's size allows:
 * one lookup per e-mail, or every page of the customer's users when that is fewer requests. The client's pacer
 * keeps it within the rate limit.
 */
public final class ExistingUsers {

    static final int PAGE = 100;

    private ExistingUsers() {
    }

    /**
     * @return the e-mails found (lower case) with their user ids; empty when the server offers no user list
     * @throws com.sovera.console.api.SovxException when the server refuses (a wrong owner key) or is unreachable
     */
    public static Map<String, String> find(SovxApi api, Collection<String> emails, BooleanSupplier cancelled) {
        Set<String> wanted = new HashSet<>();
        emails.forEach(e -> wanted.add(Preview.key(e)));
        Map<String, String> found = new HashMap<>();
        if (wanted.isEmpty()) {
            return found;
        }
        try {
            Page<User> first = api.listUsers(Filter.page(PAGE, 0).sort("created_at", Filter.Direction.ASC)
                    .asQuery()).execute();
            long total = first.total() == null ? Long.MAX_VALUE : first.total();
            long pages = (total + PAGE - 1) / PAGE;
            if (pages <= wanted.size() + 1) {
                collect(first, wanted, found);
                for (long skip = PAGE; skip < total && !cancelled.getAsBoolean(); skip += PAGE) {
                    Page<User> page = api.listUsers(Filter.page(PAGE, skip).sort("created_at", Filter.Direction.ASC)
                            .asQuery()).execute();
                    if (page.rows().isEmpty()) {
                        break;
                    }
                    collect(page, wanted, found);
                }
            } else {
                for (String email : wanted) {
                    if (cancelled.getAsBoolean()) {
                        break;
                    }
                    collect(api.listUsers(Filter.none().where("email", email).asQuery()).execute(), wanted, found);
                }
            }
        } catch (ApiException e) {
            if (e.isNotOffered()) {
                return found; // the (assumed) list is not offered: conflicts at run time still adopt the user
            }
            throw e;
        }
        return found;
    }

    private static void collect(Page<User> page, Set<String> wanted, Map<String, String> found) {
        for (User u : page.rows()) {
            String email = Preview.key(u.email());
            if (wanted.contains(email)) {
                found.putIfAbsent(email, u.userId());
            }
        }
    }
}
