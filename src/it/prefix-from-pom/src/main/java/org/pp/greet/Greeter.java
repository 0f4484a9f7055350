package org.pp.greet;

/** Says hello. */
public class Greeter {
    public String greet(String name) {
        return "Hello, " + name;
    }
}
