package org.lb.two;

/** The second module's only type. */
public class Two {}
