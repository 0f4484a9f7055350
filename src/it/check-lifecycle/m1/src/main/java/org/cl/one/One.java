package org.cl.one;

/** The first module's type. */
public class One {
    public int size() {
        return 1;
    }
}
