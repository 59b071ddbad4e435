package flows.hard_coded_key.literal.container_other_file;

public class Container {
    public String value;
}
