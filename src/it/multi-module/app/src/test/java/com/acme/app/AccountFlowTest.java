package com.acme.app;

import com.acme.core.a.Account;

class AccountFlowTest {
    @org.junit.jupiter.api.Test
    void books() {
        new Account().book(1);
    }
}
