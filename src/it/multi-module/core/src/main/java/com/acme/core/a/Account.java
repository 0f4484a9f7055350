package com.acme.core.a;

import com.acme.core.b.Ledger;
import com.acme.core.base.Ids;

/** An account that books its movements in a ledger. */
public class Account {
    private final String id = Ids.next("acc");
    private final Ledger ledger = new Ledger();

    public String id() {
        return id;
    }

    public void book(long cents) {
        ledger.record(this, cents);
    }
}
