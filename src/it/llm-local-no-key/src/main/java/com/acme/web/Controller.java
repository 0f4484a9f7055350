package com.acme.web;

import com.acme.vault.Vault;

/** Answers requests using the vault. */
public class Controller {
    private final Vault vault = new Vault();

    public String handle(String user) {
        return vault.open(user);
    }
}
