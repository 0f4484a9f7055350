package com.acme.core.b;

import com.acme.core.a.Account;
import java.util.ArrayList;
import java.util.List;

/** Records the movements of accounts. */
public class Ledger {
    private final List<String> lines = new ArrayList<>();

    public void record(Account account, long cents) {
        lines.add(account.id() + ":" + cents);
    }
}
