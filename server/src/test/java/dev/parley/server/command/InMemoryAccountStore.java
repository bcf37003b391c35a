package dev.parley.server.command;

import dev.parley.protocol.name.CaseMapping;
import dev.parley.server.store.Account;
import dev.parley.server.store.AccountStore;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Accounts in the heap, keyed by the casefolded name as the SQL store keys them. Test-only for now:
 * {@code store.memory} has no account store yet; it belongs there once one is needed outside tests.
 */
final class InMemoryAccountStore implements AccountStore {

    private final CaseMapping caseMapping;
    private final Map<String, Account> accounts = new ConcurrentHashMap<>();

    InMemoryAccountStore(CaseMapping caseMapping) {
        this.caseMapping = caseMapping;
    }

    @Override
    public Optional<Account> find(String name) {
        return Optional.ofNullable(accounts.get(caseMapping.fold(name)));
    }

    @Override
    public boolean create(Account account) {
        return accounts.putIfAbsent(caseMapping.fold(account.name()), account) == null;
    }

    @Override
    public boolean setPasswordHash(String name, String passwordHash) {
        return accounts.computeIfPresent(
                        caseMapping.fold(name),
                        (key, a) -> new Account(a.name(), passwordHash, a.operator(), a.createdAt()))
                != null;
    }

    @Override
    public boolean setOperator(String name, boolean operator) {
        return accounts.computeIfPresent(
                        caseMapping.fold(name),
                        (key, a) -> new Account(a.name(), a.passwordHash(), operator, a.createdAt()))
                != null;
    }

    @Override
    public boolean delete(String name) {
        return accounts.remove(caseMapping.fold(name)) != null;
    }

    @Override
    public List<Account> list() {
        return accounts.values().stream()
                .sorted(Comparator.comparing(Account::name))
                .toList();
    }
}
