package org.c.p1;

/** The first package's type. */
public class Alpha {
    public int size() {
        return 1;
    }

    public int count() {
        return 2;
    }
}
