package org.r.p2;

/** Café in Latin-1. */
public class Latin {}
