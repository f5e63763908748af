/**
 * Runnable examples. Starting point: {@link dev.gatehouse.examples.DemoGateway}.
 */
package dev.gatehouse.examples;
