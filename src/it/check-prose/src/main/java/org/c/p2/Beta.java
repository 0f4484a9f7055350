package org.c.p2;

import org.c.p1.Alpha;

/** Uses {@link Alpha}. */
public class Beta {
    public Alpha alpha() {
        return new Alpha();
    }
}
