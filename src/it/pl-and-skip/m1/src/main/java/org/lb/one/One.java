package org.lb.one;

/** The first module's only type. */
public class One {}
