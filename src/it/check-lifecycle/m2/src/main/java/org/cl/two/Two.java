package org.cl.two;

import org.cl.one.One;

/** Uses {@link One}. */
public class Two {
    public One one() {
        return new One();
    }
}
