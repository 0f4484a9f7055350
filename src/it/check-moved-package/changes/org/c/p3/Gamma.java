package org.c.p3;

/** The new package. */
public class Gamma {}
