namespace Kontor.Platform.Data;

/// <summary>A row with a <see cref="Guid"/> primary key named <c>Id</c>: tenant entities and users; keyset paging orders by it.</summary>
public interface IHasId
{
    Guid Id { get; }
}
