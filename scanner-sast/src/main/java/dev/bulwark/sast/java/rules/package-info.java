/**
 * Java rules that need no data flow, one class per family (crypto, random, XXE, deserialisation,
 * credentials, cookies, TLS), registered in {@code JavaRules}; their words live in {@code rules.yaml}.
 */
package dev.bulwark.sast.java.rules;
