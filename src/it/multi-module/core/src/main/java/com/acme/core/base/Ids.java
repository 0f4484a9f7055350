package com.acme.core.base;

/** Identifier helpers shared by the core. */
public final class Ids {
    private Ids() {}

    /** A new identifier with the given prefix. */
    public static String next(String prefix) {
        return prefix + System.nanoTime();
    }
}
