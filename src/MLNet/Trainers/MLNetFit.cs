namespace Pipelines.MLNet.Trainers;

/// <summary>A fitted ML.NET learner: the project's model read from ML.NET's, ML.NET's own trained transformer, and the data it saw.</summary>
internal sealed record MLNetFit<TModel>(TModel Model, Microsoft.ML.ITransformer Trained, MLNetData Data);
