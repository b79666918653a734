using System.Globalization;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Kontor.Features.Privacy.Consents;

/// <summary>The double opt-in message: to whom, for what, the link with the token, and until when it works.</summary>
public sealed record ConsentConfirmationMessage(string To, string? Name, string Purpose, Uri Link, DateTimeOffset ExpiresAt, CultureInfo Culture);

/// <summary>Sends the double opt-in message of an e-mail consent. SMTP when configured, otherwise the development mailer logs the link.</summary>
public interface IConsentMailer
{
    Task SendConfirmationAsync(ConsentConfirmationMessage message, CancellationToken ct);
}

/// <summary>SMTP settings for the consent messages; section <c>Kontor:Privacy:Smtp</c>. Without a host no message is sent by SMTP.</summary>
public sealed class SmtpOptions
{
    public const string Section = "Kontor:Privacy:Smtp";

    public string? Host { get; init; }
    public int Port { get; init; } = 587;

    /// <summary><c>StartTls</c> (default), <c>SslOnConnect</c>, <c>None</c> (only for a relay on localhost) or <c>Auto</c>.</summary>
    public string Security { get; init; } = "StartTls";

    public string? UserName { get; init; }
    public string? Password { get; init; }

    /// <summary>The sender, e.g. <c>Example GmbH &lt;privacy@example.com&gt;</c>.</summary>
    public string From { get; init; } = "";
}

/// <summary>Sends consent messages through an SMTP server with MailKit.</summary>
internal sealed class SmtpConsentMailer(IOptions<SmtpOptions> options) : IConsentMailer
{
    public async Task SendConfirmationAsync(ConsentConfirmationMessage message, CancellationToken ct)
    {
        var settings = options.Value;
        var mail = new MimeMessage();
        mail.From.Add(MailboxAddress.Parse(settings.From));
        mail.To.Add(new MailboxAddress(message.Name ?? "", message.To));
        var (subject, body) = ConsentMessageText.Of(message);
        mail.Subject = subject;
        mail.Body = new TextPart("plain") { Text = body };

        using var client = new SmtpClient();
        var security = Enum.TryParse<SecureSocketOptions>(settings.Security, ignoreCase: true, out var parsed) ? parsed : SecureSocketOptions.StartTls;
        await client.ConnectAsync(settings.Host ?? throw new InvalidOperationException("Kontor:Privacy:Smtp:Host is not set."), settings.Port, security, ct);
        if (!string.IsNullOrEmpty(settings.UserName))
        {
            await client.AuthenticateAsync(settings.UserName, settings.Password ?? "", ct);
        }

        await client.SendAsync(mail, ct);
        await client.DisconnectAsync(quit: true, ct);
    }
}

/// <summary>For development and installations without SMTP: writes the confirmation link to the log instead of sending it.</summary>
internal sealed partial class LoggingConsentMailer(ILogger<LoggingConsentMailer> log) : IConsentMailer
{
    public Task SendConfirmationAsync(ConsentConfirmationMessage message, CancellationToken ct)
    {
        // The address is personal data and stays out of the log; the link alone lets a developer confirm.
        LinkWritten(log, message.Purpose, message.Link);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No SMTP server is configured (Kontor:Privacy:Smtp:Host); the consent confirmation for {Purpose} was not sent. Link: {Link}")]
    private static partial void LinkWritten(ILogger log, string purpose, Uri link);
}

/// <summary>Subject and body of the confirmation message in the contact's language (German or English).</summary>
internal static class ConsentMessageText
{
    public static (string Subject, string Body) Of(ConsentConfirmationMessage message)
    {
        var expires = message.ExpiresAt.ToString("g", message.Culture);
        return message.Culture.TwoLetterISOLanguageName == "de"
            ? ("Bitte bestätigen Sie Ihre Einwilligung",
                $"Guten Tag,\n\nbitte bestätigen Sie, dass wir Ihnen Werbung per E-Mail senden dürfen ({message.Purpose}):\n\n{message.Link}\n\nDer Link gilt bis {expires} (UTC) und nur einmal. Wenn Sie das nicht angefordert haben, ignorieren Sie diese Nachricht; dann geschieht nichts.\n")
            : ("Please confirm your consent",
                $"Hello,\n\nplease confirm that we may send you marketing e-mail ({message.Purpose}):\n\n{message.Link}\n\nThe link works once and until {expires} (UTC). If you did not ask for this, ignore this message and nothing happens.\n");
    }
}
