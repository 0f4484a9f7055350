package org.c.p1;

/** The first package's type. */
public class Alpha {
    public int size() {
        return count();
    }

    private int count() {
        return 2;
    }
}
