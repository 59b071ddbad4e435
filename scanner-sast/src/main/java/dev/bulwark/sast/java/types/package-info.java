/** Simple type names of Java expressions without a classpath, from declarations and the catalogue. */
package dev.bulwark.sast.java.types;
