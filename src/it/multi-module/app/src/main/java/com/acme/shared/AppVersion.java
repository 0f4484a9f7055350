package com.acme.shared;

/** The version of the application. */
public interface AppVersion {
    String VALUE = "1";
}
