package com.acme.vault;

/** Holds credentials (badly: they are planted here to prove they never leave the machine). */
public class Vault {
    private static final String AWS_ACCESS_KEY_ID = "AKIAIOSFODNN7EXAMPLE";
    private static final String AWS_SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    private String password = "correct-horse-battery-staple";
    private final String db = "jdbc:mysql://root:Sup3rS3cret@db.internal:3306/app";
    private final String github = "ghp_abcdefghijklmnopqrstuvwxyz0123456789";

    public String open(String who) {
        return who;
    }
}
