package io.modelport;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class ModelportApplication {

	public static void main(String[] args) {
		SpringApplication.run(ModelportApplication.class, args);
	}

}
