package io.masspay.command.directory;

public enum RecipientType {
    Individual, Company
}
