package com.acme.shared;

/** The version of the core module. */
public interface CoreVersion {
    String VALUE = "1";
}
