using System.Diagnostics;
using System.Runtime.Serialization.Formatters.Binary;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Data.SqlClient;

[ApiController]
public class ProductsController : ControllerBase
{
    private readonly SqlConnection _conn;
    private readonly HttpClient _http;

    [HttpGet("products")]
    public IActionResult Find(string name)
    {
        var cmd = new SqlCommand("SELECT * FROM Products WHERE Name = '" + name + "'", _conn);
        return Ok(cmd.ExecuteScalar());
    }

    [HttpGet("ping")]
    public IActionResult Ping(string host)
    {
        var p = Process.Start("/bin/sh", "-c \"ping -c 1 " + host + "\"");
        return Ok();
    }

    [HttpGet("hello")]
    public IActionResult Hello(string name)
    {
        return Content("<h1>Hello " + name + "</h1>", "text/html");
    }

    [HttpGet("download")]
    public IActionResult Download(string file)
    {
        var bytes = System.IO.File.ReadAllBytes(Path.Combine("/srv/files", file));
        return File(bytes, "application/octet-stream");
    }

    [HttpGet("preview")]
    public async Task<IActionResult> Preview(string url)
    {
        var body = await _http.GetStringAsync(url);
        return Ok(body.Length);
    }

    [HttpGet("login/done")]
    public IActionResult LoginDone(string next)
    {
        return Redirect(next);
    }

    [HttpPost("prefs")]
    public IActionResult Prefs()
    {
        var formatter = new BinaryFormatter();
        return Ok(formatter.Deserialize(Request.Body));
    }

    private static byte[] Etag(byte[] body)
    {
        return MD5.HashData(body);
    }
}
