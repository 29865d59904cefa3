"""Built-in rules, one module each; ``doclint.registry`` discovers them."""
