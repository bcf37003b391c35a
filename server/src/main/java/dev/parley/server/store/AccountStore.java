package dev.parley.server.store;

import java.util.List;
import java.util.Optional;

/**
 * Registered accounts, names compared after casefolding. Blocking: call off the event loops.
 */
public interface AccountStore {

    Optional<Account> find(String name);

    /** Adds the account unless one with the same (folded) name exists; whether it was added. */
    boolean create(Account account);

    /** Replaces the password hash; whether the account exists. */
    boolean setPasswordHash(String name, String passwordHash);

    /** Sets or clears the operator flag; whether the account exists. */
    boolean setOperator(String name, boolean operator);

    /** Removes the account; whether there was one. */
    boolean delete(String name);

    /** Every account, by name. */
    List<Account> list();
}
