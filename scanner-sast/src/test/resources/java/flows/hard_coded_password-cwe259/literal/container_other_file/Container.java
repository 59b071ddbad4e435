package flows.hard_coded_password.literal.container_other_file;

public class Container {
    public String value;
}
