package org.c.p1;

class AlphaTest {
    void sizeIsOne() {
        if (new Alpha().size() != 1) {
            throw new AssertionError();
        }
    }
}
