package dev.gatehouse.examples;

/**
 * A pet of the demo store.
 *
 * @param id the pet's number
 * @param type dog, cat, fish...
 * @param name the pet's name
 * @param price the price in cents
 */
public record Pet(int id, String type, String name, int price) {}
