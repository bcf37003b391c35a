package dev.parley.server.config;

/** An operator entry: {@code OPER name password} makes a user a server operator. */
public record OperatorConfig(String name, Secret password) {}
