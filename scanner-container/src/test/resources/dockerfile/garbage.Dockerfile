{{{{ not a dockerfile
