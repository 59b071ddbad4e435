package dev.bulwark.sast.java.catalog;

import java.util.Set;

/** The simple type a library call returns; {@code receiver} (may be null) restricts it to calls on that role. */
public record ResultType(Set<String> methods, Role receiver, String type) {}
