package dev.gatehouse;

/**
 * Maps {@code {mount}/{basePath}/...} to one API and stage without a stage segment, as AWS's custom
 * domain names do. An empty base path maps the mount point itself.
 *
 * @param basePath one path segment, or empty for the mount point
 * @param api the API's name
 * @param stage the stage's name
 */
public record BasePathMapping(String basePath, String api, String stage) {}
