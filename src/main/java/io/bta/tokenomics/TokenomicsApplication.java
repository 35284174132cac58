package io.bta.tokenomics;

import io.bta.tokenomics.shared.security.TokenCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * BTA Tokenomics: the token ledger and DAO backend of the BTA trust platform.
 *
 * <p>{@code java -jar tokenomics.jar} runs the service; {@code java -jar tokenomics.jar token --sub
 * alice --roles ADMIN} prints a signed token for the same settings and exits.
 */
@SpringBootApplication
@EnableScheduling
@ConfigurationPropertiesScan
public class TokenomicsApplication {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("token")) {
            System.exit(TokenCommand.run(args, System.getenv(), System.out, System.err));
        }
        SpringApplication.run(TokenomicsApplication.class, args);
    }
}
