using System.Diagnostics;
using System.IO;
using Microsoft.AspNetCore.Mvc;

[ApiController]
public class ItemsController : ControllerBase
{
    [HttpGet("items")]
    public IActionResult Get(string name, int page)
    {
        var cmd = conn.CreateCommand();
        // ruleid: cs.sql-injection-command-text
        cmd.CommandText = $"SELECT * FROM Items WHERE Name = '{name}'";
        // ok: cs.sql-injection-command-text
        cmd.CommandText = "SELECT * FROM Items WHERE Name = @name";
        return Ok();
    }
}
