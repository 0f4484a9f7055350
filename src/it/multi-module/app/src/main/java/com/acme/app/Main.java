package com.acme.app;

import com.acme.core.a.Account;

/** Starts the application. */
public class Main {
    public static void main(String[] args) {
        new Account().book(100);
        System.out.println(com.acme.shared.AppVersion.VALUE);
    }
}
