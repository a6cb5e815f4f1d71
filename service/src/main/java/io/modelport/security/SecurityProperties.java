package io.modelport.security;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may call what ({@code modelport.security.*}).
 *
 * @param openScopes scopes that need no key; by default only {@code inference}, and the
 * {@code local} profile opens all three
 * @param keysFile the keys file (one key per line: id, hash, scopes, optional expiry), or
 * {@code null}: then every closed scope answers 401
 * @param keysCheckInterval how often the keys file is checked for changes, so keys can be
 * added and removed without a restart
 * @author Modelport Team
 */
@ConfigurationProperties("modelport.security")
public record SecurityProperties(@DefaultValue("inference") Set<Scope> openScopes, Path keysFile,
		@DefaultValue("2s") Duration keysCheckInterval) {

}
