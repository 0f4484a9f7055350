package org.r.p1;

/** Half a class. */
public class Broken {
    public void fine() {}

    public void notFine( {
}
